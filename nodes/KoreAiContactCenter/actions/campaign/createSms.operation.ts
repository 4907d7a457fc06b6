import {
	callerIdField,
	callingHoursFields,
	contactListsField,
	descriptionField,
	dncListField,
	experienceFlowField,
	formatField,
	messageSourceField,
	messageTextField,
	nameField,
	priorityField,
	templateIdField,
	templateNameField,
} from './campaignFields';
import { createOperation } from './createCampaign';

/**
 * Kore.ai "Create SMS Campaign (Without SMS Template) API - v2" and "... (Using Template)":
 * `POST /campaign?accountId=..&campaignType=sms` with `message: {message}` (the SMS text, base64)
 * or `message: {template_name, message}`; see createCampaign.ts for the steps and campaignBody.ts
 * for the body and its checks.
 */
export const createSmsCampaign = createOperation(
	[
		nameField,
		descriptionField,
		contactListsField,
		messageSourceField,
		{ ...templateNameField, displayOptions: { show: { messageSource: ['template'] } } },
		messageTextField,
		callerIdField,
		priorityField,
		...callingHoursFields,
	],
	[dncListField, experienceFlowField, formatField, templateIdField],
	(resource) =>
		`Create an ${resource.label} campaign for contact lists, from message text or an approved template. Kore.ai prepares it first (status Preparing); start it once it is Ready.`,
);
