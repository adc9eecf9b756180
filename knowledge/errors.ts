/** Error codes shared by every layer; adapters map them to user messages and HTTP statuses. */
export const ErrorCodes = {
  CONFIG_INVALID: "CONFIG_INVALID",
  KNOWLEDGE_INVALID: "KNOWLEDGE_INVALID",
  CORPUS_INVALID: "CORPUS_INVALID",
  CORPUS_EMPTY: "CORPUS_EMPTY",
  INDEX_MISMATCH: "INDEX_MISMATCH",
  INDEX_CORRUPT: "INDEX_CORRUPT",
  BUILD_CANCELLED: "BUILD_CANCELLED",
  EMBEDDINGS_FAILED: "EMBEDDINGS_FAILED",
  AUTH_REJECTED: "AUTH_REJECTED",
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  STORE_FAILED: "STORE_FAILED",
  /** The configured language model failed (HTTP error, network), timed out, was rate-limited or returned output we cannot read. */
  MODEL_FAILED: "MODEL_FAILED",
  MODEL_TIMEOUT: "MODEL_TIMEOUT",
  MODEL_RATE_LIMITED: "MODEL_RATE_LIMITED",
  MODEL_OUTPUT_INVALID: "MODEL_OUTPUT_INVALID",
  /** Another process changed what this turn read (the session); the turn is run again. */
  STORE_CONFLICT: "STORE_CONFLICT",
  /** A sync source that cannot be downloaded, is incomplete or implausible: nothing was replaced. */
  SYNC_REJECTED: "SYNC_REJECTED",
  INTERNAL: "INTERNAL",
} as const;

type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

interface AppErrorOptions {
  cause?: unknown;
  /** What the operator can do about it, shown by the CLI. */
  hint?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.hint = options.hint;
  }
}

/** True when `error` is an AppError, optionally with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
