import type { CardData } from "../card-data.js";

/**
 * Small builders for Adaptive Cards, schema 1.5 (https://adaptivecards.io/explorer/).
 * Cards are plain JSON; these keep the shapes in one place.
 */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  /** Shown by hosts that cannot render this card version. */
  fallbackText?: string;
  msteams?: { width: "Full" };
}

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/**
 * A card. `fallbackText` takes the part's plain text and keeps its first line: the whole
 * text travels once, as the message's `summary` (see render-reply.ts), within Teams' size limit.
 */
export function adaptiveCard(body: CardElement[], options: { actions?: CardElement[]; fallbackText?: string } = {}): AdaptiveCard {
  const fallback = options.fallbackText
    ?.split("\n")
    .find((line) => line.trim() !== "")
    ?.trim();
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(options.actions && options.actions.length > 0 ? { actions: options.actions } : {}),
    ...(fallback ? { fallbackText: fallback.length > 300 ? `${fallback.slice(0, 300)}…` : fallback } : {}),
    msteams: { width: "Full" },
  };
}

interface TextOptions {
  weight?: "Bolder" | "Lighter";
  size?: "Small" | "Medium" | "Large";
  color?: "Attention" | "Warning" | "Good" | "Accent";
  isSubtle?: boolean;
  spacing?: "None" | "Small" | "Medium" | "Large";
  separator?: boolean;
}

export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...options };
}

/** One TextBlock per line: clients differ on whether a single newline breaks a TextBlock. */
export function paragraphs(text: string, options: TextOptions = {}): CardElement[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => textBlock(line, { ...options, ...(i > 0 ? { spacing: "None" as const, separator: false } : {}) }));
}

export function container(
  items: CardElement[],
  options: { separator?: boolean; spacing?: TextOptions["spacing"]; style?: "emphasis" | "attention" | "good" | "warning" } = {},
): CardElement {
  return { type: "Container", items, ...options };
}

export function factSet(facts: Array<[string, string]>): CardElement {
  return { type: "FactSet", facts: facts.map(([title, value]) => ({ title, value })) };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: "ActionSet", actions };
}

/**
 * A button the bot handles: Universal Actions (Action.Execute, answered in the invoke
 * response so the card can be replaced in place), falling back to Action.Submit on clients
 * without Universal Actions. Both carry the same data.
 */
export function botAction(title: string, data: CardData, style?: "positive" | "destructive"): CardElement {
  return {
    type: "Action.Execute",
    title,
    verb: data.ca,
    data,
    ...(style ? { style } : {}),
    fallback: { type: "Action.Submit", title, data, ...(style ? { style } : {}) },
  };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: "Action.OpenUrl", title, url };
}

/** An inline card revealed under the button, without a round trip. */
export function showCard(title: string, body: CardElement[]): CardElement {
  return { type: "Action.ShowCard", title, card: { type: "AdaptiveCard", body } };
}
