import type { AssessmentRecord } from "./store.js";

/** The owner may open an assessment, and so may anyone it is shared with (same share key, see shareKeyOf). */
export function mayOpen(assessment: AssessmentRecord, userId: string, shareKey: string | undefined): boolean {
  return assessment.ownerId === userId || (assessment.sharedWith !== undefined && assessment.sharedWith === shareKey);
}
