package serve

import (
	"context"
	"net/http"
	"runtime/debug"
	"strings"
)

// contentSecurityPolicy allows the page's own stylesheet and images and
// nothing else: no script from anywhere, no inline styles, no frames, no
// forms posting elsewhere.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"script-src 'none'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// maxQuery is the longest query string served; longer ones get 414.
const maxQuery = 4096

// secure wraps h with the security headers, request limits, a time limit
// and panic recovery.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if len(r.URL.RawQuery) > maxQuery || len(r.URL.Path) > maxQuery {
			s.fail(w, r, http.StatusRequestURITooLong, "the address is too long")
			return
		}
		if r.ContentLength > 0 {
			s.fail(w, r, http.StatusRequestEntityTooLarge, "requests take no body: this server only reads")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 0)
		timeout := s.timeout
		if strings.HasSuffix(r.URL.Path, "/export") {
			timeout *= 4
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.fail(w, r, http.StatusInternalServerError, "internal error")
			}
		}()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}
