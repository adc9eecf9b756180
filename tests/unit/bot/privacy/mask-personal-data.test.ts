import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../../../bot/privacy/mask-personal-data.js";

describe("maskPersonalData", () => {
  it("masks national ID, mobile and landline numbers, e-mail and card numbers", () => {
    const { text, kinds } = maskPersonalData(
      "客戶王小明 A123456789，手機 0912-345-678，市話 (02)2345-6789，信箱 ming@example.com.tw，卡號 4111 1111 1111 1111",
    );
    expect(text).not.toMatch(/A123456789|0912|2345-6789|ming@|4111/);
    expect(text).toContain("〔身分證字號已遮蔽〕");
    expect(kinds).toEqual(["email", "national_id", "card", "phone"]);
  });

  it("masks resident certificate numbers and +886 numbers", () => {
    expect(maskPersonalData("居留證 A812345678 電話 +886 912 345 678").kinds).toEqual(["national_id", "phone"]);
  });

  it("leaves dates, versions and amounts alone", () => {
    const note = "已於 2024-03-15 公告第 2 版，資本額 10000000 元，共 5000 筆";
    expect(maskPersonalData(note)).toEqual({ text: note, kinds: [] });
  });

  it("does not mask digit runs that fail the Luhn check", () => {
    expect(maskPersonalData("訂單編號 1234567890123456").kinds).toEqual([]);
  });

  it("says it in English for English notes", () => {
    expect(maskPersonalData("call 0912345678", "en").text).toBe("call [phone number masked]");
  });
});
