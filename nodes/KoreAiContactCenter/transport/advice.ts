/**
 * What Kore.ai's own words say to do: what its "not found" message names, and what the reason of a
 * refusal calls for. errors.ts puts them into the node's sentences.
 */

/**
 * What Kore.ai's "not found" message names, when it names something: a create or update names the
 * contact list, template or flow it could not find ("Contact list VIP not found"), and that, not the
 * credential every other request just proved right, is what to check. Kore.ai documents no list of
 * these messages; the words are the names its pages give these things.
 */
const NAMED: Array<{ pattern: RegExp; what: string; advice: string }> = [
	{
		pattern: /\b(dnc|do[\s-]*not[\s-]*call)\b/i,
		what: 'a do-not-call list',
		advice:
			'Check Do-Not-Call List Name: it must be the name of an existing contact list of this app.',
	},
	{
		pattern: /\bcontact\s*lists?\b/i,
		what: 'a contact list',
		advice:
			'Check the contact list names: each must be an existing list of this app, written as Kore.ai shows it (Contact List > Get Many lists them).',
	},
	{
		pattern: /\btemplate\b/i,
		what: 'a template',
		advice: 'Check Template Name and Template ID: the template must be approved in this app.',
	},
	{
		pattern: /\b(experience\s*)?flow\b/i,
		what: 'an experience flow',
		advice: 'Check Experience Flow Name: the flow must exist in this app.',
	},
	{
		pattern: /\bcampaign\b/i,
		what: 'a campaign',
		advice:
			'Check the campaign (its ID or name) and that it belongs to this app and campaign type.',
	},
];

export function namedInMessage(
	apiMessage: string | undefined,
): { what: string; advice: string } | undefined {
	return apiMessage === undefined
		? undefined
		: NAMED.find(({ pattern }) => pattern.test(apiMessage));
}

/**
 * When Kore.ai refuses with a reason of its own, what to do follows from that reason. Kore.ai
 * documents no list of these messages; these are the states its campaign pages describe (a
 * campaign runs, is stopped, is still being prepared; names must be unique).
 */
const REASONS: Array<[RegExp, string]> = [
	[
		/\b(is|are|still|currently)\s+(running|active|in progress)\b|\bwhile\s+(it\s+is\s+)?(running|active)\b/i,
		'The campaign is running: stop it first (the Stop operation), then try again.',
	],
	[
		/\bnot\s+running\b|\balready\s+stopped\b|\bis\s+(stopped|completed)\b/i,
		'The campaign is not running, so there is nothing to stop or pause; check it with Get Status.',
	],
	[
		/\balready\s+(active|running|started)\b/i,
		'The campaign is already running; there is no need to start it again.',
	],
	[
		/\b(preparing|creation\s+in\s+progress|not\s+(yet\s+)?ready)\b/i,
		'The campaign is still being prepared: wait until Get Status says Ready, then try again.',
	],
	[
		/\bname\b.*\b(exists?|taken|duplicate|already|unique)\b|\b(already\s+exists?|duplicate)\b.*\bname\b/i,
		'That name is already used in Kore.ai: choose another name.',
	],
	[
		/\b(invalid|required|missing|must|not\s+allowed|exceeds?|too\s+long)\b/i,
		'Kore.ai names the value it does not accept: correct that field in the node, or the data mapped into it.',
	],
];

export function adviceFor(apiMessage: string | undefined): string {
	if (apiMessage !== undefined) {
		for (const [pattern, advice] of REASONS) if (pattern.test(apiMessage)) return advice;
	}
	return "Check the node's fields against Kore.ai's message.";
}
