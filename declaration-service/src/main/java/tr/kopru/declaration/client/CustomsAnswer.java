package tr.kopru.declaration.client;

import tr.kopru.model.Nullable;

/**
 * What the customs API made of an update: accepted (204, or 200 with the declaration), or refused with a 4xx and
 * its reason. Refusals are final: sending the same body again would be refused again.
 */
public record CustomsAnswer(int httpStatus, boolean accepted, @Nullable String reason) {
}
