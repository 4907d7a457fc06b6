import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { itemParameter, parameterExpression } from '../../../common/itemParameter';
import { describeType, visible } from '../../../common/text';
import { CAMPAIGN_STATUSES } from '../api/campaign';
import { readChoices } from './readInputs';

/**
 * The guards of Delete (SMS and voice campaigns, contact lists): Dry Run, Only When Status Is
 * (campaigns only) and Expected Name.
 *
 * Kore.ai's delete endpoints take no condition (delete-sms-campaign-v2.mdx,
 * delete-voice-campaign-v2.mdx, delete-contact-list-details-v2.mdx: an ID and nothing else), so a
 * guarded delete is two requests: Get (get-sms-campaign-by-id-v2.mdx, get-voice-campaign-by-id-v2.mdx,
 * get-contact-list-details-v2.mdx), then the DELETE only if what was read passes every guard. Both go
 * through the transport and are paced like any other request, so the DELETE waits for its turn: the
 * read and the delete are not atomic, and the campaign can change in between (while paced, about
 * Concurrency x 60 / Requests per Minute seconds; measured in docs/reference.md). Kore.ai's DELETE answers
 * with the deleted campaign or list as it was, so that answer is checked again and a change in
 * between shows as `warning` on the item. Statuses: get-all-campaigns-v2.mdx (`filters.status`).
 */

type GuardedNoun = 'campaign' | 'contact list';

export function dryRunOption(noun: GuardedNoun): INodeProperties {
	return {
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: `Whether to only read and check each ${noun}, deleting nothing: each item says wouldDelete, with the ${noun}'s details or the reason. Use it before any bulk delete (an AI agent too), then run again with it off.`,
	};
}

export const onlyWhenStatusIsOption: INodeProperties = {
	displayName: 'Only When Status Is',
	name: 'onlyWhenStatusIs',
	type: 'multiOptions',
	options: CAMPAIGN_STATUSES.map((status) => ({ name: status, value: status })),
	default: [],
	description:
		'Delete only campaigns in one of these statuses (e.g. Completed): each campaign is read first, and one in another status is not deleted and fails its item. Empty: any status.',
};

export function expectedNameOption(noun: GuardedNoun): INodeProperties {
	return {
		displayName: 'Expected Name',
		name: 'expectedName',
		type: 'string',
		default: '',
		placeholder: noun === 'campaign' ? 'Spring Sale Promo' : 'Renewal Due - July 2025',
		description: `Delete only if the ${noun}'s current name is this one (ignoring case and surrounding spaces); otherwise nothing is deleted and the item fails naming both names. Map it from your sheet's name column; an AI agent should give it whenever it knows the name.`,
	};
}

interface DeleteGuards {
	dryRun: boolean;
	/** The statuses a campaign may have to be deleted; empty: any. */
	statuses: string[];
	/** The name the user expects (trimmed, as given); undefined: no name check. */
	expectedName?: string;
}

export function readDeleteGuards(
	this: IExecuteFunctions,
	itemIndex: number,
	noun: GuardedNoun,
): DeleteGuards {
	const rawStatuses =
		noun === 'campaign' ? itemParameter.call(this, 'options.onlyWhenStatusIs', itemIndex, []) : [];
	// Values of CAMPAIGN_STATUSES: text (`.call` loses readChoices' type parameter).
	const statuses = readChoices.call(
		this,
		rawStatuses,
		'Only When Status Is',
		CAMPAIGN_STATUSES,
		itemIndex,
	) as string[];
	return {
		dryRun: readDryRun.call(this, itemIndex),
		statuses,
		expectedName: readExpectedName.call(this, itemIndex),
	};
}

/** Whether anything is checked before the delete (then the campaign or list is read first). */
export function isGuarded(guards: DeleteGuards): boolean {
	return guards.dryRun || guards.statuses.length > 0 || guards.expectedName !== undefined;
}

/**
 * Dry Run as a switch or an expression. A value that is not clearly on or off is refused: read as
 * "off", a typo would delete what the user meant to rehearse.
 */
function readDryRun(this: IExecuteFunctions, itemIndex: number): boolean {
	const raw: unknown = itemParameter.call(this, 'options.dryRun', itemIndex, false);
	if (typeof raw === 'boolean') return raw;
	const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
	if (text === 'true') return true;
	if (text === 'false' || text === '') return false;
	throw new NodeOperationError(
		this.getNode(),
		`Dry Run of item ${itemIndex} must be true or false, but it is ${typeof raw === 'string' ? `"${visible(raw, 40)}"` : describeType(raw)}. Nothing was read or deleted.`,
		{ itemIndex },
	);
}

/**
 * Expected Name, trimmed. Empty means no name check, except when an expression gave the empty
 * value (a sheet row without a name): then the check the user set up cannot run, and the item fails
 * rather than deleting unchecked. An AI agent's `$fromAI` that gives nothing is "no name known".
 */
function readExpectedName(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw: unknown = itemParameter.call(this, 'options.expectedName', itemIndex, '');
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
		throw new NodeOperationError(
			this.getNode(),
			`Expected Name of item ${itemIndex} must be text, but it is ${describeType(raw)}. Map the field that holds the name itself.`,
			{ itemIndex },
		);
	}
	const name = raw === undefined || raw === null ? '' : String(raw).trim();
	if (name !== '') return name;
	// Read per item only when Expected Name is an expression (itemParameter knows when it is not).
	const expression = parameterExpression.call(this, 'options.expectedName', itemIndex);
	if (expression !== undefined && !/\$fromAI\s*\(/i.test(expression)) {
		throw new NodeOperationError(
			this.getNode(),
			`Expected Name of item ${itemIndex} is empty: its expression gave no name, so nothing was read or deleted. Fill in the name (e.g. the row's name cell), or remove Expected Name to delete without the name check.`,
			{ itemIndex },
		);
	}
	return undefined;
}

/** A name as compared: Unicode-normalised (NFKC: full-width letters, non-breaking spaces), trimmed, case-folded. */
function nameKey(name: string): string {
	// Upper then lower case folds more than lower case alone ("Straße" and "STRASSE" match).
	return name.normalize('NFKC').trim().toUpperCase().toLowerCase();
}

/** "SMS campaign "Spring Sale" (cd-1)", "Contact list "Renewals" (cl-1)": what a sentence is about. */
export function subjectOf(kind: string, id: string, asRead: IDataObject): string {
	const name =
		typeof asRead.name === 'string' && asRead.name.trim() !== '' ? asRead.name : undefined;
	return name === undefined ? `${kind} ${id}` : `${kind} "${visible(name)}" (${id})`;
}

/**
 * Why the campaign or list, as Kore.ai described it (`data` of its Get or Delete answer), must not
 * be deleted: a sentence starting with `subject`, or undefined when every guard passes.
 */
export function guardProblem(
	guards: DeleteGuards,
	asRead: IDataObject,
	subject: string,
	verb: string,
): string | undefined {
	const problems: string[] = [];
	if (guards.statuses.length > 0) {
		const status = typeof asRead.status === 'string' ? asRead.status.trim() : '';
		if (!guards.statuses.some((allowed) => allowed.toLowerCase() === status.toLowerCase())) {
			const is =
				status === '' ? 'Kore.ai gave no status for it' : `its status is ${visible(status, 40)}`;
			problems.push(`${is}, and Only When Status Is allows only ${orList(guards.statuses)}`);
		}
	}
	const expected = guards.expectedName;
	if (expected !== undefined) {
		const name = typeof asRead.name === 'string' ? asRead.name : undefined;
		if (name === undefined)
			problems.push(
				`Kore.ai gave no name for it to compare with the Expected Name "${visible(expected)}"`,
			);
		else if (nameKey(name) !== nameKey(expected))
			problems.push(`its name is "${visible(name)}", not the Expected Name "${visible(expected)}"`);
	}
	return problems.length === 0 ? undefined : `${subject} ${verb}: ${problems.join('; ')}.`;
}

/** The refusal of a guarded row: the item fails (error output, when on) and nothing is deleted. */
export function refusal(
	this: IExecuteFunctions,
	reason: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), reason, { itemIndex });
}

/** A dry run's item: what was read, and whether a real run would delete it (else `reason`). */
export function dryRunItem(details: IDataObject, reason: string | undefined): IDataObject {
	const item: IDataObject = {
		dryRun: true,
		wouldDelete: reason === undefined,
		deleted: false,
		...details,
	};
	item.message =
		reason === undefined
			? 'Dry run: would be deleted; nothing was deleted.'
			: 'Dry run: would not be deleted; nothing was deleted.';
	if (reason !== undefined) item.reason = reason;
	return item;
}

/**
 * After a guarded delete: Kore.ai's answer (`data`, the campaign or list as it was deleted) checked
 * again, as far as it says (a status or name it does not send is not held against it). A sentence
 * when it no longer passes: it changed between the read and the delete.
 */
export function changedWarning(
	guards: DeleteGuards,
	asDeleted: IDataObject,
	subject: string,
): string | undefined {
	const checkable: DeleteGuards = {
		dryRun: false,
		statuses: typeof asDeleted.status === 'string' ? guards.statuses : [],
		expectedName: typeof asDeleted.name === 'string' ? guards.expectedName : undefined,
	};
	const problem = guardProblem(
		checkable,
		asDeleted,
		subject,
		'was deleted, but it changed after it was checked',
	);
	return problem === undefined
		? undefined
		: `${problem} Kore.ai has no conditional delete: the check and the delete are two requests.`;
}

function orList(values: string[]): string {
	return values.length === 1
		? values[0]
		: `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
