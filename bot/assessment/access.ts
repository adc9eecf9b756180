import type { Turn } from "../conversation/turn.js";
import type { AssessmentRecord } from "./store.js";

/** Who asks to see assessments: a user, in a team or workspace, in a conversation (absent outside one, e.g. App Home). */
export type Viewer = Pick<Turn, "channel" | "userId" | "teamId"> & { conversationId?: string };

/**
 * Who an assessment shared "with the team" is visible to: the team or workspace, or the
 * conversation when the channel has no team. Decided here once; channels pass the viewer.
 */
export function shareKeyOf(viewer: Viewer): string | undefined {
  return viewer.teamId ?? (viewer.conversationId ? `${viewer.channel}:${viewer.conversationId}` : undefined);
}

/** The owner may open an assessment, and so may anyone it is shared with (same share key). */
export function mayOpen(assessment: AssessmentRecord, userId: string, shareKey: string | undefined): boolean {
  return assessment.ownerId === userId || (assessment.sharedWith !== undefined && assessment.sharedWith === shareKey);
}
