import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';

export default defineCommand({
  meta: { name: 'controls', description: 'Not built yet.' },
  run() {
    throw new AttestError('BAD_INPUT', '`attest controls` is not available in this build');
  },
});
