import { RouteConfig } from '@nestjs/platform-fastify';

const ACCEPTS_TEXT = 'acceptsText';

/** The route reads a `text/csv` or `text/plain` body; every other route takes JSON only (415). */
export const AcceptsText = (): MethodDecorator => RouteConfig({ [ACCEPTS_TEXT]: true });

/** Whether a route's Fastify config carries `@AcceptsText()`. */
export function acceptsText(config: unknown): boolean {
  return typeof config === 'object' && config !== null && ACCEPTS_TEXT in config;
}
