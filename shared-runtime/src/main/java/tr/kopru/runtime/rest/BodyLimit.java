package tr.kopru.runtime.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Counts a body sent without its length (chunked) as it is read, and refuses it with a 413 in the envelope once it
 * passes the limit; a declared length was already checked by {@link RequestLimits}.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    private final RequestLimits limits;

    public BodyLimit(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            context.setInputStream(new Counted(context.getInputStream()));
        }
        return context.proceed();
    }

    private final class Counted extends FilterInputStream {

        private long read;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limits.maxBody()) {
                throw new ApiException(413, limits.bodyLimitText(), Map.of());
            }
        }
    }
}
