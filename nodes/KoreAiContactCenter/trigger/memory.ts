import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import type { CampaignType } from '../api/campaign';
import type { Remembered } from './changes';

/**
 * What the trigger remembers between polls, in the workflow's static data of this node
 * (`getWorkflowStaticData('node')`), which n8n stores with the workflow: kept across polls while
 * the workflow is active and across restarts once saved (n8n saves it when a poll emits items).
 *
 * Stored under one key, `campaigns`, and always replaced as a whole: n8n notices a change of its
 * static data only when a property of the node's object is set, not when a nested object is edited.
 *
 *   { v: 1, scope: "<Environment URL> <account ID> <app ID>", sms?: { <id>: [status, name] }, voice?: {...} }
 *
 * A campaign type is present once its first complete listing was taken. The scope ties the memory
 * to one Kore.ai app: with another credential or app, the memory is not compared (that would report
 * every campaign as deleted and created) but started afresh.
 */

const KEY = 'campaigns';
const VERSION = 1;

export interface Memory {
	v: typeof VERSION;
	scope: string;
	sms?: Remembered;
	voice?: Remembered;
}

/** The memory for this scope, or an empty one (nothing remembered yet) when none or another app's. */
export function readMemory(staticData: IDataObject, scope: string): Memory {
	const stored = staticData[KEY];
	const empty: Memory = { v: VERSION, scope };
	if (!isObject(stored) || stored.v !== VERSION || stored.scope !== scope) return empty;
	const memory: Memory = { ...empty };
	for (const type of ['sms', 'voice'] as const) {
		const remembered = readRemembered(stored[type]);
		if (remembered !== undefined) memory[type] = remembered;
	}
	return memory;
}

export function writeMemory(staticData: IDataObject, memory: Memory): void {
	staticData[KEY] = { ...memory };
}

export function rememberedOf(memory: Memory, type: CampaignType): Remembered | undefined {
	return memory[type];
}

/** A remembered map as stored; anything malformed counts as nothing remembered. */
function readRemembered(value: unknown): Remembered | undefined {
	if (!isObject(value)) return undefined;
	const out: Remembered = {};
	for (const [id, entry] of Object.entries(value)) {
		if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string')
			return undefined;
		out[id] = [entry[0], entry[1]];
	}
	return out;
}
