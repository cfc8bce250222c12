import { Magic } from '@strapi/icons';

export const PluginIcon = () => <Magic />;
