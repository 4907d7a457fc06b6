import { NodeOperationError } from 'n8n-workflow';

import { checkCredentialValues } from '../../../credentials/koreAiCredentialValues';
import { CREDENTIAL_TYPE, type KoreAiCaller } from './caller';

/** Where a caller's requests go: the credential's Environment URL, account and app, checked. */
export interface KoreAiTarget {
	origin: string;
	accountId: string;
	appId: string;
}

/**
 * Read once per caller (one node run, one picker call, one poll): n8n reads credentials from its
 * database, and its HTTP helper reads them again for every request to sign it, so the node does
 * not add a third read per item.
 */
const targets = new WeakMap<object, KoreAiTarget>();

/** The target this caller already read, if any: no promise to wait for on every request. */
export function knownTarget(caller: KoreAiCaller): KoreAiTarget | undefined {
	return targets.get(caller);
}

/** Reads and checks the credential; errors name the credential field to fix. */
export async function readTarget(this: KoreAiCaller, itemIndex: number): Promise<KoreAiTarget> {
	const cached = targets.get(this);
	if (cached !== undefined) return cached;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const checked = checkCredentialValues(credentials);
	if ('problem' in checked)
		throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	const { origin, accountId, appId } = checked.values;
	const target = { origin, accountId, appId };
	targets.set(this, target);
	return target;
}
