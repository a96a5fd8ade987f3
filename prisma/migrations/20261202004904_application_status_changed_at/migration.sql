-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Application_areaId_status_statusChangedAt_id_idx" ON "Application"("areaId", "status", "statusChangedAt", "id");

-- CreateIndex
CREATE INDEX "Application_unitId_status_statusChangedAt_id_idx" ON "Application"("unitId", "status", "statusChangedAt", "id");

-- Backfill: the latest change into the current status, else the last update (as the dashboard counted it until now)
UPDATE "Application" a
SET "statusChangedAt" = COALESCE(
  (SELECT max(sc."at") FROM "StatusChange" sc WHERE sc."applicationId" = a.id AND sc."toStatus" = a.status),
  a."updatedAt"
);
