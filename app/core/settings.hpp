#pragma once
// What a patient can change about how the kiosk shows itself: larger text, high contrast, less
// motion, the speech volume. A property of the session; a reset returns to the clinic's defaults.
namespace anteroom {

enum class TextSize { Standard, Larger, Largest };
inline constexpr TextSize kTextSizes[] = {TextSize::Standard, TextSize::Larger, TextSize::Largest};

// How much larger than the standard size each step draws text.
inline float text_scale(TextSize size) {
    switch (size) {
    case TextSize::Standard: return 1.0f;
    case TextSize::Larger: return 1.25f;
    case TextSize::Largest: return 1.5f;
    }
    return 1.0f;
}

inline constexpr int kMaxSpeechVolume = 10;

struct Settings {
    TextSize text_size = TextSize::Standard;
    bool high_contrast = false;
    bool reduced_motion = false;  // nothing scales, slides or moves fast
    int speech_volume = 7;        // 0 to kMaxSpeechVolume

    bool operator==(const Settings&) const = default;
};

}  // namespace anteroom
