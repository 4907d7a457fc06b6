import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CampaignType } from '../output/simplifyCampaign';

/** The node's resources: one per Kore.ai campaign type, so actions read "Delete SMS Campaign". */
export const CAMPAIGN_RESOURCES = {
	smsCampaign: { campaignType: 'sms', label: 'SMS' },
	voiceCampaign: { campaignType: 'voice', label: 'Voice' },
} as const satisfies Record<string, { campaignType: CampaignType; label: string }>;

export type CampaignResource = keyof typeof CAMPAIGN_RESOURCES;

export interface OperationContext {
	resource: CampaignResource;
	campaignType: CampaignType;
	/** "SMS" or "Voice", for sentences. */
	typeLabel: string;
}

/**
 * One operation of the node: its fields and its work, side by side in one file. The router owns the
 * item loop, error handling and pairing; an operation handles one item and throws on failure.
 */
export interface CampaignOperation {
	value: string;
	name: string;
	/** Shown in n8n's actions panel and to AI agents, e.g. "Delete SMS Campaign". */
	action: (typeLabel: string) => string;
	description: (typeLabel: string) => string;
	/** Fields without display rules; the router shows them for this operation only. */
	properties: INodeProperties[];
	/** One output item's json, or a list of them (Get Many): each is paired with the input item. */
	execute: (
		this: IExecuteFunctions,
		itemIndex: number,
		context: OperationContext,
	) => Promise<IDataObject | IDataObject[]>;
}
