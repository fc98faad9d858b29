package org.kiban.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.security.KibanUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives every screen of every module the signed-in user ({@code me}) and their tenant's name for the layout. */
@Configuration(proxyBeanMethods = false)
class ScreenModel implements WebMvcConfigurer {

    private final Municipalities municipalities;

    ScreenModel(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView mav) {
                if (mav == null || !mav.hasView() && mav.getViewName() == null) {
                    return;
                }
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof KibanUser user) {
                    mav.addObject("me", user);
                    if (user.lgCode() != null) {
                        municipalities.find(user.lgCode()).ifPresent(lg -> mav.addObject("tenantName", lg.name()));
                    }
                }
            }
        }).excludePathPatterns("/api/**");
    }
}
