import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	// n8n-workflow as n8n itself loads it: its CommonJS build, required from node_modules, not transformed.
	resolve: { alias: { 'n8n-workflow': require.resolve('n8n-workflow') } },
	test: {
		include: ['test/**/*.test.ts'],
		server: { deps: { external: [/node_modules\/n8n-workflow/] } },
	},
});
