import { SMS, text, type CampaignSetting } from './setting';

/** The SMS text: typed here or an approved template's, and the format (Kore.ai keeps the text in `message`). */
export const MESSAGE_SETTINGS: CampaignSetting[] = [
	{
		field: {
			displayName: 'Message',
			name: 'messageSource',
			type: 'options',
			options: [
				{
					name: 'Text',
					value: 'text',
					description: 'Write the SMS text here; the node encodes it for Kore.ai',
				},
				{
					name: 'From Template',
					value: 'template',
					description: 'Use an approved SMS template by its name, with its text',
				},
			],
			default: 'text',
			description: 'Where the SMS text comes from',
		},
		kind: 'choice',
		create: { sms: 'main' },
		update: [],
	},
	text(
		{
			displayName: 'Template Name',
			name: 'templateName',
			placeholder: 'Payment Reminder Template',
			description: 'The name of an SMS template approved in Kore.ai',
			displayOptions: { show: { messageSource: ['template'] } },
		},
		{
			create: { sms: 'main' },
			update: SMS,
			emptyHint: 'Enter the name of an approved SMS template, or set Message to Text.',
		},
	),
	{
		field: {
			displayName: 'Message Text',
			name: 'messageText',
			type: 'string',
			default: '',
			typeOptions: { rows: 4 },
			placeholder: 'Hi <First Name>, your renewal is due on <Due Date>.',
			description:
				"The SMS text as recipients read it, with Kore.ai placeholders like &lt;First Name&gt;; the node base64-encodes it. With a template: the template's text, exactly as registered (Kore.ai requires it).",
		},
		kind: 'smsText',
		create: { sms: 'main' },
		update: SMS,
		emptyHint: 'Write the SMS text (with a template: its text as registered).',
	},
	{
		field: {
			displayName: 'Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'Simple', value: 'simple', description: 'One message to every contact' },
				{
					name: 'Advanced',
					value: 'advanced',
					description: 'Replies go to an experience flow (set Experience Flow Name)',
				},
			],
			default: 'simple',
			description: 'Simple sends one message; Advanced hands replies to an experience flow',
		},
		kind: 'choice',
		path: ['format'],
		create: { sms: 'additional' },
		update: SMS,
		updateRequired: SMS,
	},
	text(
		{
			displayName: 'Template ID',
			name: 'templateId',
			placeholder: 'cmt-...',
			description: "The template's ID (cmt-...), when Kore.ai needs it besides the name",
		},
		{ create: { sms: 'additional' }, update: SMS },
	),
];
