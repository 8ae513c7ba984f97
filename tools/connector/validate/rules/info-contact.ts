import { DOCS, isObject, type Rule } from '../types.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Certification: info.contact with name, url and email (ContactEmailNotValid, "'contact' property is required"). */
export const infoContact: Rule = {
  id: 'info-contact',
  severity: 'error',
  description: 'info.contact has name, url and a valid email (ContactEmailNotValid)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const info = index.root.info;
      const contact = isObject(info) ? info.contact : undefined;
      if (!isObject(contact)) {
        report({ message: "info.contact is required for certification (name, url, email)", path: ['info'] });
        return;
      }
      for (const key of ['name', 'url', 'email']) {
        if (typeof contact[key] !== 'string' || (contact[key] as string).trim() === '') report({ message: `info.contact.${key} is missing`, path: ['info', 'contact'] });
      }
      if (typeof contact.email === 'string' && contact.email.trim() !== '' && !EMAIL.test(contact.email)) {
        report({ message: `info.contact.email is not a valid email address: "${contact.email}"`, path: ['info', 'contact', 'email'] });
      }
      if (typeof contact.url === 'string' && contact.url.trim() !== '' && !/^https?:\/\/\S+$/i.test(contact.url)) {
        report({ message: `info.contact.url is not an absolute http(s) URL: "${contact.url}"`, path: ['info', 'contact', 'url'] });
      }
    },
  }),
};
