#pragma once
// The patient's accessibility settings: how big the text is, high contrast, reduced motion and
// how loud speech is. The clinic's configuration holds their defaults, which a new session
// starts with and a reset goes back to. Plain C++: no ImGui.
#include <optional>
#include <string_view>

namespace anteroom {

enum class TextSize { Standard, Larger, Largest };
inline constexpr TextSize kTextSizes[] = {TextSize::Standard, TextSize::Larger, TextSize::Largest};

// How much bigger than standard text each size draws: the em is multiplied by it.
constexpr float text_scale(TextSize size) {
    switch (size) {
    case TextSize::Larger: return 1.25f;
    case TextSize::Largest: return 1.5f;
    case TextSize::Standard: break;
    }
    return 1.f;
}

// As the configuration writes them: "standard", "larger", "largest".
constexpr std::string_view text_size_name(TextSize size) {
    switch (size) {
    case TextSize::Larger: return "larger";
    case TextSize::Largest: return "largest";
    case TextSize::Standard: break;
    }
    return "standard";
}

constexpr std::optional<TextSize> text_size_named(std::string_view name) {
    for (TextSize size : kTextSizes)
        if (text_size_name(size) == name) return size;
    return std::nullopt;
}

inline constexpr int kMaxSpeechVolume = 10;

struct Settings {
    TextSize text_size = TextSize::Standard;
    bool high_contrast = false;
    bool reduced_motion = false;
    int speech_volume = 7;  // 0 (silent) to kMaxSpeechVolume

    bool operator==(const Settings&) const = default;
};

}  // namespace anteroom
