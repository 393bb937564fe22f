"""How the demo's media files were made (run once by hand; the platform never runs it).

    python kshamta/catalog/demo_content/media/source/build_media.py

Needs ffmpeg (with libass and libx264) and espeak-ng: `apt-get install ffmpeg espeak-ng`.
Slides are ASS subtitles rendered by libass, which shapes Devanagari with HarfBuzz,
using the Noto fonts the PDFs use; the narration is espeak-ng's Hindi voice.
Writes rti-in-four-steps.mp4 and lok-sewa-guarantee.mp3 next to this folder.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEDIA = HERE.parent
FONTS = HERE.parents[3] / "core" / "fonts"
WIDTH, HEIGHT = 640, 360

# (seconds, Hindi heading, English heading, Hindi line, English line, Hindi narration)
RTI_SLIDES = (
    (
        5.0, "सूचना का अधिकार अधिनियम, 2005", "Right to Information Act, 2005",
        "चार चरणों में", "in four steps",
        "क्षमता में आपका स्वागत है। सूचना का अधिकार अधिनियम, दो हज़ार पाँच, चार चरणों में।",
    ),
    (
        7.0, "1. आवेदन", "1. Apply",
        "लोक सूचना अधिकारी को आवेदन — शुल्क ₹10", "To the Public Information Officer — fee ₹10",
        "पहला चरण। लोक सूचना अधिकारी को आवेदन दें। शुल्क दस रुपये है।",
    ),
    (
        7.0, "2. तीस दिन", "2. Thirty days",
        "30 दिन में सूचना; जीवन या स्वतंत्रता का प्रश्न हो तो 48 घंटे",
        "Reply in 30 days; 48 hours where life or liberty is involved",
        "दूसरा चरण। सूचना तीस दिन में मिलनी चाहिए।",
    ),
    (
        7.0, "3. प्रथम अपील", "3. First appeal",
        "30 दिन के भीतर प्रथम अपीलीय अधिकारी को", "Within 30 days, to the First Appellate Authority",
        "तीसरा चरण। प्रथम अपील तीस दिन के भीतर।",
    ),
    (
        7.0, "4. द्वितीय अपील", "4. Second appeal",
        "90 दिन के भीतर राज्य सूचना आयोग को", "Within 90 days, to the State Information Commission",
        "चौथा चरण। द्वितीय अपील नब्बे दिन के भीतर, सूचना आयोग को।",
    ),
)  # fmt: skip

LOK_SEWA_NARRATION = (
    "लोक सेवाओं के प्रदान की गारंटी अधिनियम, दो हज़ार दस। हर अधिसूचित सेवा की एक समय-सीमा है। "
    "समय-सीमा में सेवा न मिले, तो नागरिक प्रथम अपील कर सकता है। "
    "दोषी अधिकारी पर प्रतिदिन दो सौ पचास रुपये, अधिकतम पाँच हज़ार रुपये तक शास्ति लग सकती है। "
    "The Public Services Guarantee Act gives every notified service a time limit, "
    "and an appeal when the limit is missed."
)


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)  # noqa: S603


def _time(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours)}:{int(minutes):02d}:{secs:05.2f}"


def rti_subtitles() -> str:
    lines = [
        "[Script Info]",
        "ScriptType: v4.00+",
        f"PlayResX: {WIDTH}",
        f"PlayResY: {HEIGHT}",
        "WrapStyle: 0",
        "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, "
        "Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
        "MarginL, MarginR, MarginV, Encoding",
        "Style: Brand,Noto Sans,20,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,1,0,0,7,24,24,16,1",
        "Style: BrandHi,Noto Sans Devanagari,20,&H0000A9F2,&H0000A9F2,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,"
        "1,0,0,9,24,24,14,1",
        "Style: HeadHi,Noto Sans Devanagari,36,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,"
        "1,0,0,5,30,30,0,1",
        "Style: HeadEn,Noto Sans,22,&H00E6E6E6,&H00E6E6E6,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,0,0,5,30,30,0,1",
        "Style: LineHi,Noto Sans Devanagari,22,&H0000A9F2,&H0000A9F2,&H00000000,&H00000000,0,0,0,0,100,100,0,0,"
        "1,0,0,2,30,30,64,1",
        "Style: LineEn,Noto Sans,17,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,0,0,2,30,30,36,1",
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ]
    total = sum(slide[0] for slide in RTI_SLIDES)
    lines.append(f"Dialogue: 0,{_time(0)},{_time(total)},Brand,,0,0,0,,Kshamta")
    lines.append(f"Dialogue: 0,{_time(0)},{_time(total)},BrandHi,,0,0,0,,क्षमता")
    start = 0.0
    for seconds, head_hi, head_en, line_hi, line_en, _ in RTI_SLIDES:
        end = start + seconds
        fade = r"{\fad(300,300)}"
        lines.append(f"Dialogue: 0,{_time(start)},{_time(end)},HeadHi,,0,0,0,,{fade}{{\\pos(320,130)}}{head_hi}")
        lines.append(f"Dialogue: 0,{_time(start)},{_time(end)},HeadEn,,0,0,0,,{fade}{{\\pos(320,178)}}{head_en}")
        lines.append(f"Dialogue: 0,{_time(start + 0.6)},{_time(end)},LineHi,,0,0,0,,{fade}{line_hi}")
        lines.append(f"Dialogue: 0,{_time(start + 0.6)},{_time(end)},LineEn,,0,0,0,,{fade}{line_en}")
        start = end
    return "\n".join(lines) + "\n"


def build_rti_video(work: Path) -> Path:
    total = sum(slide[0] for slide in RTI_SLIDES)
    (work / "slides.ass").write_text(rti_subtitles(), encoding="utf-8")
    # The narration: one clip per slide, padded to the slide's length.
    parts = []
    for number, slide in enumerate(RTI_SLIDES):
        clip = work / f"say{number}.wav"
        run("espeak-ng", "-v", "hi", "-s", "140", "-w", str(clip), slide[5])
        padded = work / f"pad{number}.wav"
        run(
            "ffmpeg",
            "-y",
            "-i",
            str(clip),
            "-af",
            f"adelay=400|400,apad=whole_dur={slide[0]}",
            "-t",
            str(slide[0]),
            "-ar",
            "22050",
            "-ac",
            "1",
            str(padded),
        )
        parts.append(padded)
    (work / "parts.txt").write_text("".join(f"file '{p}'\n" for p in parts), encoding="utf-8")
    run("ffmpeg", "-y", "-f", "concat", "-safe", "0", "-i", str(work / "parts.txt"), str(work / "voice.wav"))
    out = MEDIA / "rti-in-four-steps.mp4"
    video_filter = (
        # A saffron rule under the brand line and a bar that slides in with the running time.
        f"[0:v]drawbox=x=24:y=44:w=592:h=2:color=0xf2a900:t=fill[bg];"
        f"[bg][1:v]overlay=x='-W+W*t/{total}':y=H-6[barred];"
        f"[barred]ass={work / 'slides.ass'}:fontsdir={FONTS}[v]"
    )
    run(
        "ffmpeg", "-y", "-f", "lavfi", "-i", f"color=c=0x0b4f8a:s={WIDTH}x{HEIGHT}:r=24:d={total}",
        "-f", "lavfi", "-i", f"color=c=0xf2a900:s={WIDTH}x6:r=24:d={total}",
        "-i", str(work / "voice.wav"), "-filter_complex", video_filter, "-map", "[v]", "-map", "2:a",
        "-c:v", "libx264", "-preset", "veryslow", "-crf", "30", "-tune", "stillimage", "-pix_fmt", "yuv420p",
        "-profile:v", "main", "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-shortest", "-movflags", "+faststart",
        str(out),
    )  # fmt: skip
    return out


def build_lok_sewa_audio(work: Path) -> Path:
    voice = work / "loksewa.wav"
    run("espeak-ng", "-v", "hi", "-s", "140", "-w", str(voice), LOK_SEWA_NARRATION)
    out = MEDIA / "lok-sewa-guarantee.mp3"
    run("ffmpeg", "-y", "-i", str(voice), "-ac", "1", "-ar", "22050", "-c:a", "libmp3lame", "-b:a", "40k", str(out))
    return out


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="kshamta-media-"))
    try:
        for path in (build_rti_video(work), build_lok_sewa_audio(work)):
            print(path.name, path.stat().st_size, "bytes")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
