package io.walletdesk.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests for this request only (no
 * session). A bearer header with an unknown or revoked token is answered 401 at once
 * rather than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenCache tokens;

	BearerTokenFilter(TokenCache tokens) {
		this.tokens = tokens;
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String value = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
		Optional<AgentPrincipal> agent = value.isEmpty() || value.length() > 200 ? Optional.empty()
				: this.tokens.resolve(value);
		if (agent.isEmpty()) {
			SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(agent.get(), null, agent.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
