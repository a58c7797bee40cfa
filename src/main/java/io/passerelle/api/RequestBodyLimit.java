package io.passerelle.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.passerelle.connection.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cap on request bodies ({@code passerelle.api.max-body-size}): 413 before anything is parsed. A body that
 * says its length is refused on that word, unread. A body of unknown length (chunked) is counted as it is read,
 * and reading stops at the first byte past the cap; whoever was reading gets an {@link IOException}, and the
 * answer is the 413 (see {@link RequestBodyLimitConfiguration#bodyTooLargeIsA413}), whatever that reader made of
 * its failure. Tomcat caps form bodies itself ({@code server.tomcat.max-http-form-post-size}).
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    /** Set on the request when its body went past the cap. */
    static final String EXCEEDED = RequestBodyLimit.class.getName() + ".exceeded";

    private final long maxBytes;
    private final String described;
    private final ProblemWriter problems;

    RequestBodyLimit(DataSize max, ProblemWriter problems) {
        this.maxBytes = max.toBytes();
        this.described = describe(max);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        // a declared length is enforced by Tomcat, which reads no further: only a body of unknown length is counted
        HttpServletRequest counted = declared < 0 ? new CappedRequest(request) : request;
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!exceeded(request) || response.isCommitted()) {
                throw e;
            }
            refuse(request, response); // read past the cap outside Spring MVC, by a filter
        }
    }

    /** The 413, with {@code Connection: close}: the rest of the body is not worth reading. */
    void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + described + " (passerelle.api.max-body-size)",
                List.of(new FieldProblem("body", "larger than " + described))));
    }

    static boolean exceeded(ServletRequest request) {
        return request.getAttribute(EXCEEDED) != null;
    }

    /** "5 MB", "512 KB" or "1000 bytes": the cap in the words an operator configured it with. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    /** The request with its body counted. */
    private final class CappedRequest extends HttpServletRequestWrapper {

        private ServletInputStream body;

        CappedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedInputStream(super.getInputStream(), this);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts what is read and refuses to read past the cap. */
    private final class CappedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final ServletRequest request;
        private long read;

        CappedInputStream(ServletInputStream body, ServletRequest request) {
            this.body = body;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            checkOpen();
            int b = body.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkOpen();
            // never ask for more than one byte past the cap: that byte is enough to know
            int asked = (int) Math.min(length, maxBytes - read + 1);
            int n = body.read(buffer, offset, asked);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            read += n;
            checkOpen();
        }

        private void checkOpen() throws IOException {
            if (read > maxBytes) {
                request.setAttribute(EXCEEDED, Boolean.TRUE);
                throw new IOException("request body larger than " + described);
            }
        }

        @Override
        public boolean isFinished() {
            return read > maxBytes || body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
