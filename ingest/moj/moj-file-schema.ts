import { z } from "zod";

/**
 * The Ministry of Justice open-data JSON, one regulation per file, field names as the
 * ministry writes them (see ../shared/corpus/README.md). Unknown fields are ignored.
 */
const yyyymmdd = z.string().regex(/^\d{8}$/, "expected a date written YYYYMMDD");

export const MojEntrySchema = z.union([z.object({ 條號: z.string().min(1), 條文內容: z.string() }), z.object({ 編章節: z.string() })]);

export const MojFileSchema = z
  .object({
    法規性質: z.string().optional(),
    法規名稱: z.string().min(1).optional(),
    英文法規名稱: z.string().min(1).optional(),
    中文法規名稱: z.string().min(1).optional(),
    法規網址: z.string().url(),
    法規類別: z.string().optional(),
    最新異動日期: yyyymmdd.optional(),
    最新英文異動日期: yyyymmdd.optional(),
    生效日期: yyyymmdd.optional(),
    生效內容: z.string().optional(),
    廢止註記: z.string().optional(),
    // Entries are checked one by one (parse-moj-file.ts): one malformed article is reported
    // and skipped, the rest of the file still loads.
    法規內容: z.array(z.unknown()),
  })
  .superRefine((file, ctx) => {
    if (!file.法規名稱 && !file.英文法規名稱) {
      ctx.addIssue({ code: "custom", path: ["法規名稱"], message: "missing: neither 法規名稱 nor 英文法規名稱 is present" });
    }
    if (!file.最新異動日期 && !file.最新英文異動日期) {
      ctx.addIssue({ code: "custom", path: ["最新異動日期"], message: "missing: neither 最新異動日期 nor 最新英文異動日期 is present" });
    }
  });

export type MojFile = z.infer<typeof MojFileSchema>;
export type MojEntry = z.infer<typeof MojEntrySchema>;
