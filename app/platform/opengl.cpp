#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>

#include "platform/window.hpp"

namespace anteroom::platform {

void Window::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    if (!renderer_started_) {
        // The backend has just made its shaders and an RGBA32 copy of the atlas: ours replaces the copy.
        renderer_started_ = true;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        IM_FREE(atlas.TexPixelsRGBA32);
        atlas.TexPixelsRGBA32 = nullptr;
        reload_fonts();
    }
    platform_new_frame();
    // One change per key per frame, in order; the backend's own idea of each key is replaced by ours.
    ImGuiIO& io = ImGui::GetIO();
    std::vector<int> changed;
    std::erase_if(key_changes_, [&](const KeyChange& c) {
        if (std::find(changed.begin(), changed.end(), c.key) != changed.end()) return false;
        changed.push_back(c.key);
        keys_shown_[c.key] = c.down;
        if (c.down) io.KeyShift = c.shift;
        return true;
    });
    for (int k = 0; k < IM_ARRAYSIZE(keys_shown_); ++k) io.KeysDown[k] = keys_shown_[k];
}

void Window::key_event(int index, bool down, bool shift) {
    if (index >= 0 && index < IM_ARRAYSIZE(keys_shown_)) key_changes_.push_back({index, down, shift});
}

// The atlas goes up as the single channel ImGui rasterises, drawn as white with that alpha by
// a swizzle: a quarter of the RGBA32 texture ImGui's backend makes (for a CJK atlas, 1.2 MB
// instead of 4.8 MB), with no RGBA32 copy kept in memory either.
void Window::reload_fonts() {
    if (!renderer_started_) return;  // its first new_frame() uploads the atlas as it is then
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    if (!font_texture_) glGenTextures(1, &font_texture_);
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint white_with_alpha[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, white_with_alpha);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
}

void Window::release_fonts_texture() {
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    font_texture_ = 0;
}

void Window::finish() { glFinish(); }

double Window::now() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

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
