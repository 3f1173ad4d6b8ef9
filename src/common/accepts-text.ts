import { RouteConfig } from '@nestjs/platform-fastify';

const ACCEPTS_TEXT = 'acceptsText';

/** The route reads a `text/csv` or `text/plain` body; every other route takes JSON only (415). */
export const AcceptsText = (): MethodDecorator => RouteConfig({ [ACCEPTS_TEXT]: true });

/** Whether a route's Fastify config carries `@AcceptsText()`. */
export function acceptsText(config: unknown): boolean {
  return typeof config === 'object' && config !== null && ACCEPTS_TEXT in config;
}

const ACCEPTS_FORM = 'acceptsForm';

/**
 * The route takes a form post (`application/x-www-form-urlencoded` or `multipart/form-data`) and
 * ignores its content: RFC 8058's one-click unsubscribe, which mail clients post as
 * `List-Unsubscribe=One-Click`.
 */
export const AcceptsForm = (): MethodDecorator => RouteConfig({ [ACCEPTS_FORM]: true });

/** Whether a route's Fastify config carries `@AcceptsForm()`. */
export function acceptsForm(config: unknown): boolean {
  return typeof config === 'object' && config !== null && ACCEPTS_FORM in config;
}

export const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
