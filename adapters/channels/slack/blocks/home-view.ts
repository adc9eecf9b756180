import type { types } from "@slack/bolt";
import type { AssessmentOption, ChecklistOption } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { uniqueActionIds } from "../render-reply.js";
import { slackTexts } from "../texts.js";
import { slackDate } from "./item-blocks.js";
import { LIMITS } from "./limits.js";
import { type Block, context, divider, header, section } from "./mrkdwn.js";
import { assessmentListBlocks, checklistBlocks } from "./progress-blocks.js";

/** Most assessments listed on the Home tab; older ones stay reachable with /compliance assess CODE. */
const MAX_ASSESSMENTS = 40;
const MAX_CHECKLISTS = 30;

/** The App Home tab: how to use the bot, the user's assessments with progress and Resume, and checklists to start. */
export function homeView(assessments: AssessmentOption[], checklists: ChecklistOption[], lang: Lang, now: Date): types.HomeView {
  const t = slackTexts(lang);
  const blocks: Block[] = [header(t.botName), section(t.homeIntro), section(t.homeHowTo), divider(), header(t.myAssessments)];
  if (assessments.length === 0) blocks.push(section(t.homeNoAssessments));
  else blocks.push(...assessmentListBlocks(assessments.slice(0, MAX_ASSESSMENTS), lang));
  if (checklists.length > 0) {
    blocks.push(divider(), header(t.homeStart), ...checklistBlocks(checklists.slice(0, MAX_CHECKLISTS), lang));
  }
  blocks.push(context(t.homeUpdated(slackDate(now.toISOString()))));
  return { type: "home", blocks: uniqueActionIds(blocks.slice(0, LIMITS.viewBlocks)) };
}
