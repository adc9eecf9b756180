import { userInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../adapters/config.js";

describe("loadConfig: the person answering in the terminal", () => {
  it("is CLI_USER when set", () => {
    expect(loadConfig({ CLI_USER: " lin.mei " }).cliUser).toBe("lin.mei");
  });

  it("is the operating-system user name otherwise", () => {
    expect(loadConfig({}).cliUser).toBe(userInfo().username);
    expect(loadConfig({ CLI_USER: "" }).cliUser).toBe(userInfo().username);
  });
});
