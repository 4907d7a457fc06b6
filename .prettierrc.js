// Prettier's settings: the n8n-nodes-starter's (github.com/n8n-io/n8n-nodes-starter, .prettierrc.js),
// so the code reads like n8n's own community nodes. `npm run format` applies them; `npm run lint`
// checks them (lint:format). Option reference: https://prettier.io/docs/options
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
};
