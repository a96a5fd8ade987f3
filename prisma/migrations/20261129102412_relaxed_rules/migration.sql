-- CreateEnum
CREATE TYPE "EligibilityRule" AS ENUM ('ETHNICITY', 'AGE', 'EDUCATION_TITLE', 'HEALTH', 'BLACKLIST', 'EARLIER_TRAINEE');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "relaxedRuleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "relaxedRules" "EligibilityRule"[] DEFAULT ARRAY[]::"EligibilityRule"[];

-- CreateIndex
CREATE INDEX "Application_roundId_relaxedRuleCount_idx" ON "Application"("roundId", "relaxedRuleCount");
