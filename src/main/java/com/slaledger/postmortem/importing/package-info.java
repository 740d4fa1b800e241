/**
 * Importing a written postmortem: the API ({@code /api/postmortems/preview} and {@code /import}) and the
 * service both it and the import page use. It checks the text (size, binary content), hands it to the
 * plain parser in {@code com.slaledger.postmortem} with the catalog of known services and clients, and
 * saves a confirmed draft through the incident service's idempotent create, from this one place.
 */
package com.slaledger.postmortem.importing;
