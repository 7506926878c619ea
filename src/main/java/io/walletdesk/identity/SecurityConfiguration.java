package io.walletdesk.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two ways in: {@code /api/**} takes bearer tokens (and the console's session, with
 * CSRF), the console takes a form sign-in followed by the second factor where the agent
 * has one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String PROBLEM_401 = """
			{"type":"about:blank","title":"Unauthorized","status":401,"detail":"A valid bearer token or session is required."}""";

	static final String PROBLEM_403 = """
			{"type":"about:blank","title":"Forbidden","status":403,"detail":"You are not allowed to do this."}""";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_SUPERVISOR
				ROLE_SUPERVISOR > ROLE_AGENT
				ROLE_TECH > ROLE_AGENT
				""");
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/**
	 * Channel endpoints (chat widget, in-app API, Telegram and WeChat webhooks, signed
	 * webhooks) are called by customers' devices and other platforms, never with an
	 * agent's session: each adapter authenticates its caller itself (signature, secret
	 * token, visitor token).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain channels(HttpSecurity http) throws Exception {
		http.securityMatcher("/channels/**", "/widget.js")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.headers(headers -> headers.frameOptions(frame -> frame.disable()));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, TokenCache tokens, SecurityContextRepository contexts) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/admin/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.hasRole(Role.AGENT.name()))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.securityContext(context -> context.securityContextRepository(contexts))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED))
				.accessDeniedHandler((request, response, ex) -> problem(response,
						isAuthenticated() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED)))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	/**
	 * The live-update WebSocket handshake ({@code /ws}) with an agent's API token instead
	 * of a console session, for automation and load drivers that subscribe as a console
	 * does. The token holds for the handshake; the WebSocket session keeps the agent as
	 * its user.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain liveUpdatesWithToken(HttpSecurity http, TokenCache tokens) throws Exception {
		http.securityMatcher(
				request -> "/ws".equals(request.getRequestURI().substring(request.getContextPath().length()))
						&& BearerTokenFilter.hasBearer(request))
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.AGENT.name()))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain console(HttpSecurity http, SignIn signIn, SecurityContextRepository contexts) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			.requestMatchers("/login/two-factor/enrol")
			.hasAuthority(PendingSecondFactor.ENROL)
			.requestMatchers("/login/two-factor")
			.hasAnyAuthority(PendingSecondFactor.VERIFY)
			// Channel health and SLA settings are for supervisors too.
			.requestMatchers("/admin/channels/health", "/admin/sla", "/admin/sla/**")
			.hasRole(Role.SUPERVISOR.name())
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.hasRole(Role.AGENT.name()))
			.securityContext(context -> context.securityContextRepository(contexts))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(secondFactorStep(signIn, contexts))
				.failureHandler(passwordFailure())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, ex) -> {
				Authentication current = SecurityContextHolder.getContext().getAuthentication();
				if (current instanceof PendingSecondFactor pending) {
					response.sendRedirect(request.getContextPath()
							+ (pending.mustEnrol() ? "/login/two-factor/enrol" : "/login/two-factor"));
				}
				else {
					response.sendError(HttpStatus.FORBIDDEN.value());
				}
			}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * A locked account gets its own message, so the agent knows to wait or ask an admin
	 * rather than retry.
	 */
	private static AuthenticationFailureHandler passwordFailure() {
		ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		failure.setDefaultFailureUrl("/login?error");
		return failure;
	}

	/**
	 * After the password: straight in, or on to the second factor (verify or enrol),
	 * holding only a pending authentication until then.
	 */
	private static AuthenticationSuccessHandler secondFactorStep(SignIn signIn, SecurityContextRepository contexts) {
		SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();
		proceed.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			AgentPrincipal agent = (AgentPrincipal) authentication.getPrincipal();
			switch (signIn.secondFactorFor(agent.id())) {
				case NONE -> {
					signIn.recordSuccess(agent.id());
					proceed.onAuthenticationSuccess(request, response, authentication);
				}
				case VERIFY -> pending(request, response, contexts,
						new PendingSecondFactor(agent, PendingSecondFactor.VERIFY), "/login/two-factor");
				case ENROL -> pending(request, response, contexts,
						new PendingSecondFactor(agent, PendingSecondFactor.ENROL), "/login/two-factor/enrol");
			}
		};
	}

	private static void pending(HttpServletRequest request, HttpServletResponse response,
			SecurityContextRepository contexts, PendingSecondFactor pending, String next) throws IOException {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(pending);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		response.sendRedirect(request.getContextPath() + next);
	}

	private static boolean isAuthenticated() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)
				&& !(current instanceof PendingSecondFactor);
	}

	static void problem(HttpServletResponse response, HttpStatus status) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter().write(status == HttpStatus.UNAUTHORIZED ? PROBLEM_401 : PROBLEM_403);
	}

}
