import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { isObject, secondsText } from '../../../../common/text';
import { PREPARING } from '../../api/campaign';
import { ExecutionCanceledError, systemClock, type Clock } from '../../transport/wait';
import { readNumber } from '../readInputs';
import type { CampaignResourceInfo } from '../types';
import { readCampaign } from './readCampaign';

/**
 * Kore.ai creates campaigns asynchronously: the create answer says "Campaign <name> creation in
 * progress" with status Preparing, and the campaign cannot be started until it is Ready. With the
 * option "Wait Until Ready" the node polls Get (`GET /campaign/{id}`) until the status is no longer
 * Preparing, at most Max Wait seconds. Waiting stops at once when the execution is canceled.
 *
 * When Max Wait runs out the campaign exists but is not ready: the item fails with a sentence that
 * gives its ID and says not to create it again (a second create would make a second campaign).
 */

const maxWaitOption: INodeProperties = {
	displayName: 'Max Wait (Seconds)',
	name: 'maxWait',
	type: 'number',
	default: 120,
	typeOptions: { minValue: 1, maxValue: 3600 },
	description:
		'With Wait Until Ready: the longest time to wait for the campaign to become ready. The item fails after that, naming the campaign that was created.',
};

const pollIntervalOption: INodeProperties = {
	displayName: 'Check Every (Seconds)',
	name: 'pollInterval',
	type: 'number',
	default: 5,
	typeOptions: { minValue: 0.05, maxValue: 300 },
	description:
		"With Wait Until Ready: seconds between two checks of the campaign's status. Each check is one request, within Requests per Minute.",
};

export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Wait Until Ready',
		name: 'waitUntilReady',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until Kore.ai has finished preparing the campaign (status no longer Preparing) before going on, so the next node can start it. Off: the item comes back at once with status Preparing and creationInProgress: true.',
	},
	maxWaitOption,
	pollIntervalOption,
];

interface WaitSettings {
	maxWaitMs: number;
	pollMs: number;
}

/** The wait settings of one item, or undefined when Wait Until Ready is off. */
export function readWaitSettings(
	this: IExecuteFunctions,
	itemIndex: number,
): WaitSettings | undefined {
	if (this.getNodeParameter('options.waitUntilReady', itemIndex, false) !== true) return undefined;
	const milliseconds = (option: INodeProperties) =>
		Math.round(
			readNumber.call(this, option, itemIndex, { parameter: `options.${option.name}` }) * 1000,
		);
	return {
		maxWaitMs: milliseconds(maxWaitOption),
		pollMs: milliseconds(pollIntervalOption),
	};
}

interface ReadyResult {
	/** Get's answer once the campaign left Preparing. */
	body: IDataObject;
	checks: number;
	waitedMs: number;
}

/** Polls Get until the campaign is no longer Preparing; throws when Max Wait runs out or the execution is canceled. */
export async function waitUntilReady(
	this: IExecuteFunctions,
	itemIndex: number,
	target: {
		campaignId: string;
		streamId: string | undefined;
		name: string;
		resource: CampaignResourceInfo;
	},
	settings: WaitSettings,
	clock: Clock = systemClock,
): Promise<ReadyResult> {
	const { campaignId, streamId, name, resource } = target;
	const signal = this.getExecutionCancelSignal();
	const startedAt = clock.now();
	let checks = 0;
	let status: unknown = PREPARING;
	for (;;) {
		const waitedMs = clock.now() - startedAt;
		const remaining = settings.maxWaitMs - waitedMs;
		if (remaining <= 0) break;
		try {
			await clock.sleep(Math.min(settings.pollMs, remaining), signal);
		} catch (error) {
			if (error instanceof ExecutionCanceledError) {
				throw new NodeOperationError(
					this.getNode(),
					`Stopped waiting for ${resource.label} campaign "${name}" (${campaignId}) to become ready: the execution was canceled. The campaign was created.`,
					{ itemIndex },
				);
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
		const { body } = await readCampaign.call(this, itemIndex, { campaignId, streamId, resource });
		checks++;
		status = isObject(body.data) ? body.data.status : undefined;
		if (status !== PREPARING) return { body, checks, waitedMs: clock.now() - startedAt };
	}
	throw new NodeOperationError(
		this.getNode(),
		`${resource.label} campaign "${name}" was created (ID ${campaignId}) but is still ${String(status)} after ${secondsText(settings.maxWaitMs)} (Max Wait, ${checks} checks). Do not create it again: start it later, or check it with Get Status, or raise Max Wait.`,
		{ itemIndex },
	);
}
