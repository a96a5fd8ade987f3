-- CreateIndex
CREATE INDEX "Application_areaId_status_updatedAt_id_idx" ON "Application"("areaId", "status", "updatedAt", "id");
