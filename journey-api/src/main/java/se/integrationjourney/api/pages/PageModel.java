package se.integrationjourney.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: the address to come back to after switching language. */
@ControllerAdvice(basePackages = "se.integrationjourney.api.pages")
class PageModel {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return LocalPaths.orHome(query == null ? path : path + "?" + query);
    }
}
