import type { Core } from '@strapi/strapi';
import { auditPageTool } from './audit-page-tool';
import { calendarItemsTool } from './calendar-items-tool';
import { searchContentTool } from './search-content-tool';
import { seoAnalyzeTool } from './seo-analyze-tool';

interface McpRegistry {
  registerTool(definition: unknown): void;
}

/** Adds the plugin's tools to Strapi's own MCP server (served when `server.mcp.enabled`). */
export const registerMcpTools = (strapi: Core.Strapi) => {
  const mcp = (strapi as unknown as { ai?: { mcp?: McpRegistry } }).ai?.mcp;
  mcp?.registerTool(seoAnalyzeTool);
  mcp?.registerTool(auditPageTool);
  mcp?.registerTool(calendarItemsTool);
  mcp?.registerTool(searchContentTool);
};
