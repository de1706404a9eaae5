-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "reconciledThrough" TIMESTAMP(3);

