-- CreateTable
CREATE TABLE "SignInAttemptCounter" (
    "key" TEXT NOT NULL,
    "windowStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SignInAttemptCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInAttemptCounter_windowStartsAt_idx" ON "SignInAttemptCounter"("windowStartsAt");
