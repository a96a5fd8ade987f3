-- CreateEnum
CREATE TYPE "RoundStage" AS ENUM ('PREPARING', 'OPEN', 'PLACEMENT', 'ORIENTATION', 'TRAINING', 'CLOSED');

-- CreateEnum
CREATE TYPE "HostKind" AS ENUM ('UNIVERSITY', 'RESEARCH_INSTITUTE', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "HostProposalStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('PROPOSED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "stage" "RoundStage" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "HostPreference" ADD COLUMN     "hostInstitutionId" UUID;

-- AlterTable
ALTER TABLE "TrainingRecord" ADD COLUMN     "hostInstitutionId" UUID;

-- CreateTable
CREATE TABLE "HostInstitution" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "kind" "HostKind" NOT NULL,
    "specialties" TEXT[],
    "mentors" TEXT[],
    "contactName" TEXT,
    "contactPhone" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HostInstitution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostPlaces" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "hostInstitutionId" UUID NOT NULL,
    "mode" "TrainingMode" NOT NULL,
    "places" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HostPlaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostProposal" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "HostProposalStatus" NOT NULL DEFAULT 'PENDING',
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "refusalReason" TEXT,
    "hostInstitutionId" UUID,

    CONSTRAINT "HostProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "hostInstitutionId" UUID,
    "mentor" TEXT,
    "preferenceRank" INTEGER,
    "unplacedReason" TEXT,
    "movedReason" TEXT,
    "movedById" UUID,
    "movedAt" TIMESTAMPTZ(3),
    "status" "PlacementStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HostInstitution_name_key" ON "HostInstitution"("name");

-- CreateIndex
CREATE INDEX "HostInstitution_province_idx" ON "HostInstitution"("province");

-- CreateIndex
CREATE INDEX "HostPlaces_hostInstitutionId_idx" ON "HostPlaces"("hostInstitutionId");

-- CreateIndex
CREATE UNIQUE INDEX "HostPlaces_roundId_hostInstitutionId_mode_key" ON "HostPlaces"("roundId", "hostInstitutionId", "mode");

-- CreateIndex
CREATE UNIQUE INDEX "HostProposal_name_key" ON "HostProposal"("name");

-- CreateIndex
CREATE INDEX "HostProposal_status_proposedAt_idx" ON "HostProposal"("status", "proposedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_applicationId_key" ON "Placement"("applicationId");

-- CreateIndex
CREATE INDEX "Placement_roundId_hostInstitutionId_idx" ON "Placement"("roundId", "hostInstitutionId");

-- CreateIndex
CREATE INDEX "HostPreference_hostInstitutionId_idx" ON "HostPreference"("hostInstitutionId");

-- AddForeignKey
ALTER TABLE "HostPreference" ADD CONSTRAINT "HostPreference_hostInstitutionId_fkey" FOREIGN KEY ("hostInstitutionId") REFERENCES "HostInstitution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_hostInstitutionId_fkey" FOREIGN KEY ("hostInstitutionId") REFERENCES "HostInstitution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostPlaces" ADD CONSTRAINT "HostPlaces_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostPlaces" ADD CONSTRAINT "HostPlaces_hostInstitutionId_fkey" FOREIGN KEY ("hostInstitutionId") REFERENCES "HostInstitution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostProposal" ADD CONSTRAINT "HostProposal_hostInstitutionId_fkey" FOREIGN KEY ("hostInstitutionId") REFERENCES "HostInstitution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_hostInstitutionId_fkey" FOREIGN KEY ("hostInstitutionId") REFERENCES "HostInstitution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: free-text host preferences meet the new registry (培养单位名录) without losing anything.
-- The text the applicant wrote stays in "institution". A preference naming a listed host (same
-- name, spaces trimmed) is linked to it. Every other name becomes one pending proposal for the
-- regional bureau, who accepts it into the registry (which links its preferences) or refuses it.
-- (No semicolon may appear in these comments: the driver adapter splits the script on them.)
UPDATE "HostPreference" p SET "hostInstitutionId" = h."id"
  FROM "HostInstitution" h WHERE h."name" = btrim(p."institution");
UPDATE "TrainingRecord" t SET "hostInstitutionId" = h."id"
  FROM "HostInstitution" h WHERE h."name" = btrim(t."hostInstitution");
INSERT INTO "HostProposal" ("id", "name", "status", "proposedAt")
  SELECT gen_random_uuid(), btrim(p."institution"), 'PENDING'::"HostProposalStatus", min(a."createdAt")
  FROM "HostPreference" p JOIN "Application" a ON a."id" = p."applicationId"
  WHERE p."hostInstitutionId" IS NULL AND btrim(p."institution") <> ''
  GROUP BY btrim(p."institution")
  ON CONFLICT ("name") DO NOTHING;
