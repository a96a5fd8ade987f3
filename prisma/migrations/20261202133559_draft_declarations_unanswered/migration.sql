-- AlterTable
ALTER TABLE "Application" ALTER COLUMN "hasDisqualifyingIllness" DROP NOT NULL,
ALTER COLUMN "earlierTrainee" DROP NOT NULL;
