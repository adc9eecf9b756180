import type { Engine, Logger } from "../../bot/index.js";
import type { Config } from "../config.js";
import type { ReportLinkStore } from "../store/report-link-store.js";

/** What every chat channel adapter gets from the composition root. */
export interface ChannelDeps {
  config: Config;
  engine: Engine;
  logger: Logger;
  /** Report download links (Teams); in this process's memory when absent. */
  links?: ReportLinkStore;
}
