"""An independent safetensors reader/writer over torch, written from the format specification
(huggingface/safetensors README and the reference Rust crate's layout rules), used to cross-check the C#
implementation both ways. Debian's python3 has torch but not the safetensors package.

Usage:
  safetensors_ref.py make OUT.safetensors OUT.pt    torch tensors (formula + random) -> safetensors, originals -> .pt
  safetensors_ref.py same OUT.pt BACK.safetensors   BACK holds the tensors of OUT.pt bit for bit
  safetensors_ref.py formula IN.safetensors         IN holds the formula tensors and is laid out as this writer would
"""
import json
import struct
import sys

import torch

DTYPES = {
    "BOOL": (torch.bool, 1), "U8": (torch.uint8, 1), "I8": (torch.int8, 1), "I16": (torch.int16, 2),
    "F16": (torch.float16, 2), "BF16": (torch.bfloat16, 2), "I32": (torch.int32, 4), "F32": (torch.float32, 4),
    "F64": (torch.float64, 8), "I64": (torch.int64, 8),
}
# Descending alignment order of the reference crate's Dtype enum (the writer sorts by it, then by name).
ALIGNMENT_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64",
                   "I64", "U64"]
NAME_OF = {torch_dtype: name for name, (torch_dtype, _) in DTYPES.items()}


def to_bytes(t):
    t = t.contiguous()
    if t.dtype == torch.bool:
        t = t.to(torch.uint8)
    return t.reshape(-1).view(torch.uint8).numpy().tobytes()


def save(path, tensors, metadata=None):
    names = sorted(tensors, key=lambda n: (-ALIGNMENT_ORDER.index(NAME_OF[tensors[n].dtype]), n.encode("utf-8")))
    header, offset, blobs = {}, 0, []
    if metadata is not None:
        header["__metadata__"] = dict(sorted(metadata.items()))
    for name in names:
        blob = to_bytes(tensors[name])
        header[name] = {"dtype": NAME_OF[tensors[name].dtype], "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    assert 8 + n <= len(raw), "header length past end of file"
    assert n % 8 == 0, f"header length {n} is not a multiple of 8"
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", None)
    data = raw[8 + n:]
    tensors, cursor = {}, 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"]):
        begin, end = info["data_offsets"]
        assert begin == cursor, f"{name}: offsets not contiguous"
        torch_dtype, size = DTYPES[info["dtype"]]
        count = 1
        for d in info["shape"]:
            count *= d
        assert end - begin == count * size, f"{name}: size mismatch"
        assert begin % size == 0, f"{name}: data not aligned to its element size"
        chunk = bytearray(data[begin:end])
        if info["dtype"] == "BOOL":
            t = torch.frombuffer(chunk, dtype=torch.uint8).to(torch.bool) if count else torch.zeros(0, dtype=torch.bool)
        else:
            t = torch.frombuffer(chunk, dtype=torch_dtype) if count else torch.zeros(0, dtype=torch_dtype)
        tensors[name] = t.reshape(info["shape"])
        cursor = end
    assert cursor == len(data), "tensors do not cover the data buffer"
    return tensors, metadata, raw


def formula(torch_dtype):
    i = torch.arange(24, dtype=torch.float64)
    if torch_dtype == torch.bool:
        values = (torch.arange(24) % 3) == 0
    elif torch_dtype.is_floating_point:
        values = (i * 0.25 - 3).to(torch_dtype)
    elif torch_dtype == torch.uint8:
        values = (torch.arange(24) * 10).to(torch_dtype)
    else:
        values = (torch.arange(24) * 5 - 60).to(torch_dtype)
    return values.reshape(2, 3, 4)


def bits_equal(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and to_bytes(a) == to_bytes(b)


def make(out, originals):
    g = torch.Generator().manual_seed(7)
    tensors = {f"x.{name}": formula(dt) for name, (dt, _) in DTYPES.items()}
    for name, (dt, _) in DTYPES.items():
        if dt.is_floating_point:
            t = torch.randn(5, 7, generator=g, dtype=torch.float64).to(dt)
            t[0, :4] = torch.tensor([float("nan"), float("inf"), -float("inf"), -0.0], dtype=torch.float64).to(dt)
        elif dt == torch.bool:
            t = torch.randint(0, 2, (5, 7), generator=g).to(torch.bool)
        else:
            info = torch.iinfo(dt)
            t = torch.randint(info.min, info.max, (5, 7), generator=g, dtype=torch.int64).to(dt)
        tensors[f"random.{name}"] = t
    tensors["encoder.convnet.0.weight"] = torch.randn(32, 9, 3, 3, generator=g)
    tensors["scalar"] = torch.tensor(2.5)
    tensors["empty"] = torch.zeros(0, 4)
    save(out, tensors, {"format": "pt", "written_by": "python"})
    torch.save(tensors, originals)
    print(f"wrote {len(tensors)} tensors")


def same(originals, back):
    expected = torch.load(originals)
    actual, _, _ = load(back)
    bad = [n for n in expected if n not in actual or not bits_equal(expected[n], actual[n])]
    bad += [n for n in actual if n not in expected]
    if bad:
        print("differ: " + ", ".join(sorted(bad)))
        return 1
    print(f"identical: {len(expected)} tensors")
    return 0


def check_formula(path):
    tensors, metadata, raw = load(path)
    bad = [f"x.{name}" for name, (dt, _) in DTYPES.items()
           if f"x.{name}" not in tensors or not bits_equal(tensors[f"x.{name}"], formula(dt))]
    if bad:
        print("wrong values: " + ", ".join(bad))
        return 1
    rewritten = path + ".py"
    save(rewritten, tensors, metadata)
    with open(rewritten, "rb") as f:
        if f.read() != raw:
            print("layout differs from the reference writer's")
            return 1
    print(f"formula ok, layout identical, metadata {json.dumps(metadata, sort_keys=True)}")
    return 0


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "make":
        make(sys.argv[2], sys.argv[3])
        sys.exit(0)
    if command == "same":
        sys.exit(same(sys.argv[2], sys.argv[3]))
    if command == "formula":
        sys.exit(check_formula(sys.argv[2]))
    sys.exit(f"unknown command {command}")
