-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'EMPLOYER', 'PREFECTURE', 'REGIONAL', 'ANALYST');

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('PREFECTURE', 'CORPS', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Ethnicity" AS ENUM ('HAN', 'MONGOL', 'HUI', 'TIBETAN', 'UYGHUR', 'MIAO', 'YI', 'ZHUANG', 'BUYEI', 'KOREAN', 'MANCHU', 'DONG', 'YAO', 'BAI', 'TUJIA', 'HANI', 'KAZAKH', 'DAI', 'LI', 'LISU', 'VA', 'SHE', 'GAOSHAN', 'LAHU', 'SUI', 'DONGXIANG', 'NAXI', 'JINGPO', 'KYRGYZ', 'TU', 'DAUR', 'MULAO', 'QIANG', 'BLANG', 'SALAR', 'MAONAN', 'GELAO', 'XIBE', 'ACHANG', 'PUMI', 'TAJIK', 'NU', 'UZBEK', 'RUSSIAN', 'EWENKI', 'DEANG', 'BONAN', 'YUGUR', 'GIN', 'TATAR', 'DERUNG', 'OROQEN', 'HEZHEN', 'MONBA', 'LHOBA', 'JINO');

-- CreateEnum
CREATE TYPE "TrainingMode" AS ENUM ('REMOTE', 'LOCAL');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('SECONDARY', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE');

-- CreateEnum
CREATE TYPE "TitleLevel" AS ENUM ('NONE', 'JUNIOR', 'INTERMEDIATE', 'SUB_SENIOR', 'SENIOR');

-- CreateEnum
CREATE TYPE "ChineseProficiency" AS ENUM ('GOOD', 'FAIRLY_GOOD', 'AVERAGE');

-- CreateEnum
CREATE TYPE "PoliticalStatus" AS ENUM ('CPC_MEMBER', 'CPC_PROBATIONARY', 'CYL_MEMBER', 'DEMOCRATIC_PARTY', 'NON_PARTISAN', 'MASSES');

-- CreateEnum
CREATE TYPE "UnitNature" AS ENUM ('GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION', 'STATE_OWNED_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED_TO_APPLICANT', 'EMPLOYER_REJECTED', 'ENDORSED', 'RETURNED_TO_EMPLOYER', 'PREFECTURE_REJECTED', 'RECOMMENDED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN', 'ABANDONED', 'ORIENTATION_ATTENDED', 'IN_TRAINING', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('EMPLOYER', 'PREFECTURE', 'REGIONAL');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('RETURN', 'REJECT', 'ENDORSE', 'RECOMMEND', 'SELECT', 'NOT_SELECT');

-- CreateEnum
CREATE TYPE "FindingResult" AS ENUM ('PASS', 'NEEDS_CORRECTION', 'FAIL');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PHOTO', 'EVIDENCE', 'FORM4_SCAN', 'FORM5_SCAN');

-- CreateEnum
CREATE TYPE "ClassifiedItemKind" AS ENUM ('PAPER', 'AWARD', 'PROJECT', 'OTHER');

-- CreateEnum
CREATE TYPE "BlacklistReason" AS ENUM ('FRAUD', 'ABANDONMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('EXCELLENT', 'QUALIFIED', 'UNQUALIFIED');

-- CreateEnum
CREATE TYPE "AuditResult" AS ENUM ('SUCCESS', 'REFUSED', 'FAILED');

-- CreateTable
CREATE TABLE "Round" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "noticeNumber" TEXT,
    "noticeDate" DATE,
    "applicationDeadline" TIMESTAMPTZ(3) NOT NULL,
    "recommendationDeadline" TIMESTAMPTZ(3) NOT NULL,
    "ageCutoffDate" DATE NOT NULL,
    "remotePlaces" INTEGER NOT NULL DEFAULT 200,
    "localPlaces" INTEGER NOT NULL DEFAULT 200,
    "trainingMonths" INTEGER NOT NULL DEFAULT 12,
    "shortageSpecialties" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AreaKind" NOT NULL,
    "isSouthernXinjiang" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmployerUnit" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nature" "UnitNature" NOT NULL,
    "areaId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "postcode" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmployerUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "areaId" UUID,
    "unitId" UUID,
    "idNumber" TEXT,
    "phone" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "applicantId" UUID,
    "unitId" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "mode" "TrainingMode" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "serialNumber" TEXT,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "ethnicity" "Ethnicity" NOT NULL,
    "birthDate" DATE NOT NULL,
    "idNumber" TEXT NOT NULL,
    "politicalStatus" "PoliticalStatus" NOT NULL,
    "chineseProficiency" "ChineseProficiency" NOT NULL,
    "graduateSchool" TEXT NOT NULL,
    "foreignLanguage" TEXT,
    "foreignLanguageLevel" TEXT,
    "education" "Education" NOT NULL,
    "majorStudied" TEXT NOT NULL,
    "currentSpecialty" TEXT NOT NULL,
    "trainingSpecialty" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "unitAddress" TEXT NOT NULL,
    "postcode" TEXT,
    "administrativePost" TEXT,
    "titleName" TEXT,
    "titleLevel" "TitleLevel" NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT,
    "unitContactName" TEXT NOT NULL,
    "unitContactPhone" TEXT NOT NULL,
    "emergencyContactName" TEXT NOT NULL,
    "emergencyContactPhone" TEXT NOT NULL,
    "hasDisqualifyingIllness" BOOLEAN NOT NULL DEFAULT false,
    "earlierTrainee" BOOLEAN NOT NULL DEFAULT false,
    "earlierTrainingYear" INTEGER,
    "earlierTrainingPlace" TEXT,
    "studyGoals" TEXT NOT NULL,
    "unitTrainingNeeds" TEXT,
    "intendedSpecialty" TEXT NOT NULL,
    "preferenceRemarks" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "endorsedAt" TIMESTAMPTZ(3),
    "recommendedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkHistoryEntry" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "startMonth" DATE NOT NULL,
    "endMonth" DATE,
    "work" TEXT NOT NULL,
    "postOrTitle" TEXT,

    CONSTRAINT "WorkHistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "awardedOn" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "publishedOn" DATE NOT NULL,
    "titleAndContent" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostPreference" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "institution" TEXT NOT NULL,
    "mentor" TEXT,
    "hostAgreed" BOOLEAN NOT NULL DEFAULT false,
    "contactName" TEXT,
    "contactDepartment" TEXT,
    "contactPost" TEXT,
    "contactPhone" TEXT,

    CONSTRAINT "HostPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassifiedItem" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "ClassifiedItemKind" NOT NULL,
    "sentOfflineOn" DATE NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassifiedItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus" NOT NULL,
    "actorId" UUID,
    "actorRole" "Role",
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "stage" "ReviewStage" NOT NULL,
    "reviewerId" UUID,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "conductConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewFinding" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "item" TEXT NOT NULL,
    "result" "FindingResult" NOT NULL,
    "comment" TEXT,

    CONSTRAINT "ReviewFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "applicationId" UUID,
    "unitId" UUID,
    "areaId" UUID,
    "roundId" UUID,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),
    "supersededById" UUID,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentContent" (
    "documentId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "DocumentContent_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "QuotaAllocation" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "mode" "TrainingMode" NOT NULL,
    "areaId" UUID NOT NULL,
    "places" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QuotaAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlacklistEntry" (
    "id" UUID NOT NULL,
    "applicantIdNumber" TEXT,
    "applicantName" TEXT,
    "unitId" UUID,
    "applicationId" UUID,
    "reasonKind" "BlacklistReason" NOT NULL,
    "reason" TEXT NOT NULL,
    "listedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "listedById" UUID,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" UUID,
    "liftReason" TEXT,

    CONSTRAINT "BlacklistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrientationSession" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL,

    CONSTRAINT "OrientationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrientationAttendance" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "recordedById" UUID,
    "attendedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrientationAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "hostInstitution" TEXT NOT NULL,
    "mentor" TEXT,
    "startedOn" DATE NOT NULL,
    "plannedEndOn" DATE NOT NULL,
    "completedOn" DATE,
    "assessment" "AssessmentResult",
    "certificateNumber" TEXT,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT NOT NULL,
    "actorId" UUID,
    "actorRole" "Role",
    "actorScope" TEXT,
    "operation" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "result" "AuditResult" NOT NULL,
    "errorCode" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Round_year_key" ON "Round"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Area_code_key" ON "Area"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Area_name_key" ON "Area"("name");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerUnit_name_key" ON "EmployerUnit"("name");

-- CreateIndex
CREATE INDEX "EmployerUnit_areaId_idx" ON "EmployerUnit"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_idNumber_key" ON "User"("idNumber");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_areaId_idx" ON "User"("areaId");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_serialNumber_key" ON "Application"("serialNumber");

-- CreateIndex
CREATE INDEX "Application_roundId_status_idx" ON "Application"("roundId", "status");

-- CreateIndex
CREATE INDEX "Application_roundId_areaId_status_idx" ON "Application"("roundId", "areaId", "status");

-- CreateIndex
CREATE INDEX "Application_roundId_mode_status_idx" ON "Application"("roundId", "mode", "status");

-- CreateIndex
CREATE INDEX "Application_unitId_status_idx" ON "Application"("unitId", "status");

-- CreateIndex
CREATE INDEX "Application_applicantId_idx" ON "Application"("applicantId");

-- CreateIndex
CREATE INDEX "Application_idNumber_idx" ON "Application"("idNumber");

-- CreateIndex
CREATE INDEX "Application_roundId_ethnicity_idx" ON "Application"("roundId", "ethnicity");

-- CreateIndex
CREATE INDEX "Application_submittedAt_idx" ON "Application"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Application_roundId_idNumber_key" ON "Application"("roundId", "idNumber");

-- CreateIndex
CREATE UNIQUE INDEX "WorkHistoryEntry_applicationId_position_key" ON "WorkHistoryEntry"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Award_applicationId_position_key" ON "Award"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_applicationId_position_key" ON "Publication"("applicationId", "position");

-- CreateIndex
CREATE INDEX "HostPreference_institution_idx" ON "HostPreference"("institution");

-- CreateIndex
CREATE UNIQUE INDEX "HostPreference_applicationId_rank_key" ON "HostPreference"("applicationId", "rank");

-- CreateIndex
CREATE INDEX "ClassifiedItem_applicationId_idx" ON "ClassifiedItem"("applicationId");

-- CreateIndex
CREATE INDEX "StatusChange_applicationId_at_idx" ON "StatusChange"("applicationId", "at");

-- CreateIndex
CREATE INDEX "StatusChange_toStatus_at_idx" ON "StatusChange"("toStatus", "at");

-- CreateIndex
CREATE INDEX "Review_applicationId_decidedAt_idx" ON "Review"("applicationId", "decidedAt");

-- CreateIndex
CREATE INDEX "Review_stage_decidedAt_idx" ON "Review"("stage", "decidedAt");

-- CreateIndex
CREATE INDEX "ReviewFinding_reviewId_idx" ON "ReviewFinding"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_supersededById_key" ON "Document"("supersededById");

-- CreateIndex
CREATE INDEX "Document_applicationId_kind_idx" ON "Document"("applicationId", "kind");

-- CreateIndex
CREATE INDEX "Document_roundId_areaId_kind_idx" ON "Document"("roundId", "areaId", "kind");

-- CreateIndex
CREATE INDEX "Document_unitId_kind_idx" ON "Document"("unitId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "QuotaAllocation_roundId_mode_areaId_key" ON "QuotaAllocation"("roundId", "mode", "areaId");

-- CreateIndex
CREATE INDEX "BlacklistEntry_applicantIdNumber_expiresAt_idx" ON "BlacklistEntry"("applicantIdNumber", "expiresAt");

-- CreateIndex
CREATE INDEX "BlacklistEntry_unitId_expiresAt_idx" ON "BlacklistEntry"("unitId", "expiresAt");

-- CreateIndex
CREATE INDEX "BlacklistEntry_listedAt_idx" ON "BlacklistEntry"("listedAt");

-- CreateIndex
CREATE INDEX "OrientationSession_roundId_idx" ON "OrientationSession"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "OrientationAttendance_applicationId_key" ON "OrientationAttendance"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_applicationId_key" ON "TrainingRecord"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_certificateNumber_key" ON "TrainingRecord"("certificateNumber");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE INDEX "AuditRecord_actorId_at_idx" ON "AuditRecord"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_operation_at_idx" ON "AuditRecord"("operation", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_targetType_targetId_idx" ON "AuditRecord"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "EmployerUnit" ADD CONSTRAINT "EmployerUnit_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "EmployerUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "EmployerUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkHistoryEntry" ADD CONSTRAINT "WorkHistoryEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostPreference" ADD CONSTRAINT "HostPreference_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassifiedItem" ADD CONSTRAINT "ClassifiedItem_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassifiedItem" ADD CONSTRAINT "ClassifiedItem_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewFinding" ADD CONSTRAINT "ReviewFinding_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "EmployerUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentContent" ADD CONSTRAINT "DocumentContent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaAllocation" ADD CONSTRAINT "QuotaAllocation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaAllocation" ADD CONSTRAINT "QuotaAllocation_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "EmployerUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_listedById_fkey" FOREIGN KEY ("listedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrientationSession" ADD CONSTRAINT "OrientationSession_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrientationAttendance" ADD CONSTRAINT "OrientationAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "OrientationSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrientationAttendance" ADD CONSTRAINT "OrientationAttendance_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrientationAttendance" ADD CONSTRAINT "OrientationAttendance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditRecord" ADD CONSTRAINT "AuditRecord_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
