import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_EVENTS_PATH } from "../../../../../adapters/channels/slack/index.js";

const dir = resolve(import.meta.dirname, "../../../../../adapters/channels/slack");
const read = (name: string) => parse(readFileSync(resolve(dir, name), "utf8"));

describe("the Slack app manifests", () => {
  const http = read("manifest.yaml");
  const socket = read("manifest.socket-mode.yaml");

  it("subscribe to the events the adapter handles, with the scopes they need", () => {
    for (const manifest of [http, socket]) {
      expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(["app_home_opened", "app_mention", "message.im"]);
      expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(["app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:write"]);
      expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(["/compliance"]);
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
      expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
      expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    }
  });

  it("send events, commands and interactivity to one HTTP endpoint, or use Socket Mode without URLs", () => {
    const urls = [http.settings.event_subscriptions.request_url, http.settings.interactivity.request_url, http.features.slash_commands[0].url];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain("request_url");
    expect(socket.features.slash_commands[0].url).toBeUndefined();
  });
});
