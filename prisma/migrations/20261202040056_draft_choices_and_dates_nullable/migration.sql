-- AlterTable
ALTER TABLE "Application" ALTER COLUMN "mode" DROP NOT NULL,
ALTER COLUMN "gender" DROP NOT NULL,
ALTER COLUMN "ethnicity" DROP NOT NULL,
ALTER COLUMN "birthDate" DROP NOT NULL,
ALTER COLUMN "politicalStatus" DROP NOT NULL,
ALTER COLUMN "chineseProficiency" DROP NOT NULL,
ALTER COLUMN "education" DROP NOT NULL,
ALTER COLUMN "titleLevel" DROP NOT NULL;

-- AlterTable
ALTER TABLE "WorkHistoryEntry" ALTER COLUMN "startMonth" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Award" ALTER COLUMN "awardedOn" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Publication" ALTER COLUMN "publishedOn" DROP NOT NULL;
