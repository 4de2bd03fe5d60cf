#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstring>

#include "platform/window.hpp"

namespace anteroom::platform {

void Window::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    renderer_started_ = true;
    platform_new_frame();
}

void Window::reload_fonts() {
    if (!renderer_started_) return;  // its first new_frame() uploads the atlas as it is then
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Window::finish() { glFinish(); }

void draw_imgui(int framebuffer_width, int framebuffer_height) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

std::vector<unsigned char> capture_frame(int width, int height) {
    GLuint framebuffer = 0, colour = 0;
    glGenFramebuffers(1, &framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);

    std::vector<unsigned char> pixels;
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
        draw_imgui(width, height);
        pixels.resize(static_cast<size_t>(width) * height * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        // OpenGL's rows run bottom-up; images run top-down.
        const size_t row = static_cast<size_t>(width) * 4;
        std::vector<unsigned char> swap(row);
        for (int y = 0; y < height / 2; ++y) {
            unsigned char* a = pixels.data() + y * row;
            unsigned char* b = pixels.data() + (height - 1 - y) * row;
            memcpy(swap.data(), a, row);
            memcpy(a, b, row);
            memcpy(b, swap.data(), row);
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &colour);
    glDeleteFramebuffers(1, &framebuffer);
    return pixels;
}

}  // namespace anteroom::platform
