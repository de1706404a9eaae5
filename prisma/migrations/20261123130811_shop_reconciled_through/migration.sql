-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "reconciledThrough" DATETIME;

