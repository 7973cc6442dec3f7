"""Peak memory of one large upload and of making the renditions a page shows of it.

Usage: .venv/bin/python scripts/measure_image_memory.py [--size 6000]
(DATABASE_URL: a migrated database, e.g. the one `make run` uses)

Each step runs in a fresh process, so its peak resident set (ru_maxrss) is its own; the figure
printed is that peak less the process's peak before the step (Django, Wagtail and Pillow loaded,
the file read). Steps: the upload (Wagtail's image form: its checks, then the save); the hero's
12 and the gallery's 9 renditions (core/renditions.py) made Wagtail's way (`get_renditions`,
which decodes the original once per rendition, three at a time); the same made from one
decoding (`page_renditions`). The image is a size × size JPEG drawn here with Pillow (gradients
and shapes, quality 90): within the 40 MP ceiling and the 10 MB upload limit. Media go to a
temporary folder; the image, its renditions and the account made for the form are deleted.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def draw_jpeg(size):
    from PIL import Image, ImageDraw

    gradient = Image.linear_gradient("L").resize((size, size))
    picture = Image.merge("RGB", (gradient, gradient.rotate(90), gradient.rotate(180)))
    draw = ImageDraw.Draw(picture)
    for n in range(1, 12):
        box = (size * n // 24, size * n // 30, size - size * n // 28, size - size * n // 26)
        draw.ellipse(box, outline=(n * 20, 255 - n * 20, 128), width=max(1, size // 200))
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def upload(path):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form

    data = Path(path).read_bytes()
    user = get_user_model().objects.create_superuser("measure-images", "m@example.com", None)
    try:
        before = peak_mb()
        form_class = get_image_form(get_image_model())
        file = SimpleUploadedFile("large.jpg", data, content_type="image/jpeg")
        form = form_class({"title": "Memory measurement"}, {"file": file}, user=user)
        assert form.is_valid(), form.errors
        image = form.save()
        return {"image": image.pk, "peak_mb": peak_mb() - before}
    finally:
        user.delete()


def renditions(image_id, way):
    from wagtail.images import get_image_model

    from core.renditions import PAGE_IMAGE_SPECS, page_renditions

    image = get_image_model().objects.get(pk=image_id)
    image.renditions.all().delete()
    before = peak_mb()
    for kind, specs in PAGE_IMAGE_SPECS.items():
        if way == "wagtail":
            image.get_renditions(*specs)
        else:
            page_renditions(image, kind)
    return {"peak_mb": peak_mb() - before, "made": image.renditions.count()}


def step(args):
    sys.path.insert(0, str(SCRIPTS))
    import django_env

    django_env.setup("portal.settings.test")
    started = time.perf_counter()
    if args.step == "upload":
        result = upload(args.file)
    elif args.step == "cleanup":
        from wagtail.images import get_image_model

        get_image_model().objects.filter(pk=args.image).delete()
        result = {}
    else:
        result = renditions(args.image, args.step)
    result["seconds"] = time.perf_counter() - started
    print(json.dumps(result))


def run(*arguments, media):
    env = {**os.environ, "MEDIA_ROOT": media}
    command = [sys.executable, __file__, *arguments]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=6000)
    parser.add_argument("--step", choices=["upload", "wagtail", "one-decoding", "cleanup"])
    parser.add_argument("--file")
    parser.add_argument("--image", type=int)
    args = parser.parse_args()
    if args.step:
        return step(args)

    with tempfile.TemporaryDirectory() as media:
        path = Path(media) / "large.jpg"
        path.write_bytes(draw_jpeg(args.size))
        megabytes = path.stat().st_size / 1e6
        print(f"{args.size} × {args.size} JPEG, {megabytes:.1f} MB")
        uploaded = run("--step", "upload", "--file", str(path), media=media)
        image = str(uploaded["image"])
        print(f"upload: peak +{uploaded['peak_mb']:.0f} MB, {uploaded['seconds']:.1f} s")
        try:
            for way in ["wagtail", "one-decoding"]:
                made = run("--step", way, "--image", image, media=media)
                print(
                    f"{made['made']} renditions, {way + ':':13} peak +{made['peak_mb']:.0f} MB, "
                    f"{made['seconds']:.1f} s"
                )
        finally:
            run("--step", "cleanup", "--image", image, media=media)


if __name__ == "__main__":
    main()
