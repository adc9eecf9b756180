import type { Engine, Logger } from "../../bot/index.js";
import type { Config } from "../config.js";

/** What every chat channel adapter gets from the composition root. */
export interface ChannelDeps {
  config: Config;
  engine: Engine;
  logger: Logger;
}
